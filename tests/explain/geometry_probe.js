// tests/explain/geometry_probe.js: injected by chromium_check.sh into a copy
// of a diagram page. Measures the drawing (issue 16 item 4) and writes the
// verdict into <body data-geometry="ok|FAIL: ...">:
// - every message's arrow lies inside the band of its own flight (a flight:
//   the messages one side sends in a row, in the page's data order);
// - two arrows of one flight are at most MAX_ARROW_GAP px apart (the key
//   schedule sits beside its message, it does not push the next one down).
(function () {
  var MAX_ARROW_GAP = 80;
  var data = JSON.parse(document.getElementById('explain-data').textContent);
  var bands = Array.prototype.map.call(document.querySelectorAll('rect.flight'), function (r) {
    var b = r.getBBox();
    return [b.y, b.y + b.height];
  });
  var arrows = Array.prototype.map.call(document.querySelectorAll('g.msg line'), function (l) {
    return l.getBBox().y;
  });
  var bad = [], flight = -1, last = null, prev = null;
  data.forEach(function (m, i) {
    if (m.from !== last) { flight++; last = m.from; prev = null; }
    var band = bands[flight], y = arrows[i];
    var what = m.name + ' (message ' + (i + 1) + ', flight ' + (flight + 1) + ')';
    if (!band) bad.push(what + ': no band');
    else if (y < band[0] || y > band[1]) bad.push(what + ' at y=' + y + ' outside its band [' + band[0] + ', ' + band[1] + ']');
    if (prev !== null && y - prev > MAX_ARROW_GAP) bad.push(what + ' ' + (y - prev) + ' px below the previous arrow of its flight');
    prev = y;
  });
  if (bands.length !== flight + 1) bad.push(bands.length + ' bands for ' + (flight + 1) + ' flights');
  document.body.setAttribute('data-geometry', bad.length ? 'FAIL: ' + bad.join('; ') : 'ok');
})();
