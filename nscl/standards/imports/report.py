"""What an import answers: counts, and every bad row with its column and reason."""

from dataclasses import asdict, dataclass, field

from nscl.standards.imports.messages import MAX_REPORTED_ERRORS, more_errors


@dataclass(frozen=True)
class RowError:
    """One problem in the file: ``row`` as the user sees it (the header is row 1), ``column`` by its name."""

    row: int
    column: str
    message: str

    def as_dict(self) -> dict:
        return asdict(self)

    def __str__(self) -> str:
        return f"row {self.row}, column {self.column or '-'}: {self.message}"


@dataclass
class ImportReport:
    total_rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)
    dry_run: bool = False
    error_count: int = 0  # every error found, including those beyond MAX_REPORTED_ERRORS

    @property
    def ok(self) -> bool:
        return self.error_count == 0 and not self.errors

    def add_error(self, row: int, column: str, message) -> None:
        self.error_count += 1
        if len(self.errors) < MAX_REPORTED_ERRORS:
            self.errors.append(RowError(row=row, column=column, message=str(message)))

    def sorted_errors(self) -> list[RowError]:
        """Errors in file order; a closing line says how many were left out."""
        errors = sorted(self.errors, key=lambda e: (e.row, e.column))
        hidden = self.error_count - len(self.errors)
        if hidden > 0:
            errors.append(RowError(row=0, column="", message=more_errors(hidden)))
        return errors
