"""Demo data of support projects (`manage.py load_demo`; safe to repeat).

Loads the demo support rules (labelled "số liệu minh họa", data/projects/SOURCE.md). Demo
projects are built only on the enterprises app's demo enterprises; while it has none, nothing is
created and the log says so. Every invented project is titled as a demo ("[Minh họa]").
"""

import logging

from nscl.projects.reference import support_rules_load

logger = logging.getLogger(__name__)


def load() -> None:
    support_rules_load()
    # TODO(projects): projects in every state, budgets, milestones, indicators, inspections, once
    # nscl.enterprises ships demo enterprises with confirmed representatives.
    logger.info("projects demo: no demo projects created (the enterprises app has no demo enterprises yet)")
