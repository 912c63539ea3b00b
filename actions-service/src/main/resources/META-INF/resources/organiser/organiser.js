// Draws the organiser's charts from the figures the page embeds; the same figures are in the tables under each chart.
(function () {
  const data = JSON.parse(document.getElementById('chart-data').textContent);
  const blue = '#1d4ed8', green = '#15803d', red = '#b91c1c', grey = '#6b7280', amber = '#b45309';
  const base = { responsive: true, maintainAspectRatio: false, animation: false,
                 plugins: { legend: { position: 'bottom' } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } };
  // Long labels (the reasons) break over lines rather than being cut off on a narrow screen.
  function wrap(text, width) {
    const lines = [];
    let line = '';
    for (const word of text.split(' ')) {
      if (line && (line + ' ' + word).length > width) {
        lines.push(line);
        line = word;
      } else {
        line = line ? line + ' ' + word : word;
      }
    }
    return line ? lines.concat(line) : lines;
  }
  function chart(id, config) {
    return new Chart(document.getElementById(id), config);
  }
  const charts = [
    chart('chart-weeks', { type: 'bar', options: base, data: {
      labels: data.weeks.map(w => w.label),
      datasets: [{ label: 'Joined', data: data.weeks.map(w => w.joined), backgroundColor: blue },
                 { label: 'Contacted', data: data.weeks.map(w => w.contacted), backgroundColor: green }] } }),
    chart('chart-follow-ups', { type: 'bar', options: Object.assign({}, base, { indexAxis: 'y',
        scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } }), data: {
      labels: data.followUps.map(r => wrap(r.label, 24)),
      datasets: [{ label: 'Open', data: data.followUps.map(r => r.open), backgroundColor: blue },
                 { label: 'Open more than a week', data: data.followUps.map(r => r.overdue), backgroundColor: red }] } }),
    chart('chart-commitments', { type: 'doughnut',
      options: { responsive: true, maintainAspectRatio: false, animation: false, plugins: { legend: { position: 'bottom' } } },
      data: { labels: Object.keys(data.commitments),
              datasets: [{ data: Object.values(data.commitments), backgroundColor: [blue, amber, green, grey, red] }] } }),
    chart('chart-money', { type: 'bar', options: Object.assign({}, base, { plugins: { legend: { display: false } } }), data: {
      labels: ['Raised', 'Target'],
      datasets: [{ label: 'Pounds', data: [data.money.raised, data.money.target], backgroundColor: [green, grey] }] } }),
    chart('chart-mentoring', { type: 'bar', options: Object.assign({}, base, { plugins: { legend: { display: false } } }), data: {
      labels: ['Waiting for a mentor', 'Pairings active', 'Pairings suspended'],
      datasets: [{ label: 'Young members', data: [data.mentoring.waiting, data.mentoring.active, data.mentoring.suspended],
                   backgroundColor: [amber, green, red] }] } })
  ];
  window.ocCharts = charts.length;
})();
