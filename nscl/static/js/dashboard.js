// The steering dashboard's charts (Chart.js, vendored). The numbers come from the page's json_script
// blocks; every chart has its table next to it, so nothing is lost when this script does not run.
(function () {
  "use strict";
  function read(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }
  function start() {
    var data = read("dashboard-charts");
    var labels = read("dashboard-labels");
    if (!data || !labels || typeof window.Chart === "undefined") return;
    var lang = document.documentElement.lang || "vi";
    var money = new Intl.NumberFormat(lang === "en" ? "en-GB" : "vi-VN");
    var moneyAxis = {
      beginAtZero: true,
      ticks: { callback: function (value) { return money.format(value); } }
    };
    var tooltip = {
      callbacks: {
        label: function (ctx) { return ctx.dataset.label + ": " + money.format(ctx.parsed.y !== undefined ? ctx.parsed.y : ctx.parsed.x); }
      }
    };
    var planned = "#0a58ca";
    var disbursed = "#198754";
    function bars(id, labelsX, series, horizontal) {
      var canvas = document.getElementById(id);
      if (!canvas || !labelsX.length) return;
      var scales = horizontal ? { x: moneyAxis } : { y: moneyAxis };
      new window.Chart(canvas, {
        type: "bar",
        data: {
          labels: labelsX,
          datasets: [
            { label: labels.planned, data: series.planned, backgroundColor: planned },
            { label: labels.disbursed, data: series.disbursed, backgroundColor: disbursed }
          ]
        },
        options: { indexAxis: horizontal ? "y" : "x", scales: scales, plugins: { tooltip: tooltip } }
      });
    }
    bars("chart-trend", data.trend.labels, data.trend, false);
    bars("chart-areas", data.areas.labels, data.areas, true);
    var accepted = document.getElementById("chart-accepted");
    if (accepted && data.trend.labels.length) {
      new window.Chart(accepted, {
        type: "line",
        data: {
          labels: data.trend.labels,
          datasets: [{ label: labels.accepted, data: data.trend.accepted, borderColor: "#6f42c1", backgroundColor: "#6f42c1" }]
        },
        options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
      });
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
