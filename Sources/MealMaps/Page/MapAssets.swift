/// The map page's style sheet and script: written here, never made from data.
enum MapAssets {
    /// Sizes of marks scale with `--k` (the share of the whole map in view, set by the script),
    /// so dots and labels keep their size on screen while the map zooms; lines never scale.
    static let style: StaticString = """
    *{box-sizing:border-box}
    html,body{margin:0;height:100%;font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;color:#222;background:#fff}
    .page{display:flex;height:100vh}
    .map-frame{position:relative;flex:1;min-width:0;background:#f4f2ee;overflow:hidden;touch-action:none}
    #map{width:100%;height:100%;display:block;cursor:grab;--k:1}
    #map.dragging{cursor:grabbing}
    .ground{fill:#f4f2ee}
    .street{fill:none;stroke:#fff;stroke-linecap:round;stroke-linejoin:round;vector-effect:non-scaling-stroke}
    .street-major{stroke:#f3cf86;stroke-width:3px}
    .street-minor{stroke:#ffffff;stroke-width:1.6px}
    .street-path{stroke:#d9d4cc;stroke-width:.8px;stroke-dasharray:2 2}
    .streets{filter:drop-shadow(0 0 .4px #b9b2a6)}
    .graticule path{fill:none;stroke:#d6d1c8;stroke-width:.7px;vector-effect:non-scaling-stroke}
    .graticule text{font-size:calc(var(--k) * 7px);fill:#9a9488}
    .reach{fill:#4e8fd0;fill-opacity:.07;stroke:#4e8fd0;stroke-opacity:.55;stroke-width:1.2px;stroke-dasharray:5 3;vector-effect:non-scaling-stroke}
    .trip{fill:none;stroke-width:2.4px;stroke-linejoin:round;stroke-linecap:round;stroke-opacity:.85;vector-effect:non-scaling-stroke}
    .trip:hover{stroke-width:5px;stroke-opacity:1}
    .stop{font-size:calc(var(--k) * 6px);font-weight:700;paint-order:stroke;stroke:#fff;stroke-width:calc(var(--k) * 1.6px)}
    .diner{r:calc(var(--k) * 2.4px);stroke:#fff;stroke-width:calc(var(--k) * .5px)}
    .diner.dine-in{fill:#2e9d4f}
    .diner.pickup{fill:#2f6fd6}
    .diner.delivery{fill:#ef8a17}
    .diner.unserved{fill:#e0201b;r:calc(var(--k) * 4px);stroke:#5a0000;stroke-width:calc(var(--k) * 1.2px)}
    .canteen circle{r:calc(var(--k) * 5px);fill:#7a1f9c;stroke:#fff;stroke-width:calc(var(--k) * 1.5px)}
    .canteen-name{font-size:calc(var(--k) * 8px);font-weight:700;fill:#4b1361;paint-order:stroke;stroke:#fff;stroke-width:calc(var(--k) * 2.2px)}
    .grid-count{fill-opacity:.75;stroke:#fff;stroke-width:1px;vector-effect:non-scaling-stroke}
    .grid-label{font-size:calc(var(--k) * 6.5px);fill:#222;paint-order:stroke;stroke:#fff;stroke-width:calc(var(--k) * 1.8px)}
    .community{fill:none;stroke:#6b5b45;stroke-width:1.4px;stroke-dasharray:6 3;vector-effect:non-scaling-stroke}
    .community-label{font-size:calc(var(--k) * 9px);font-weight:700;fill:#6b5b45;paint-order:stroke;stroke:#fff;stroke-width:calc(var(--k) * 2.4px)}
    .outside{fill:#e0201b;r:calc(var(--k) * 2.6px);stroke:#fff;stroke-width:calc(var(--k) * .5px)}
    .site path{fill:#ffd400;stroke:#7a5b00;stroke-width:1.2px;vector-effect:non-scaling-stroke}
    .site text{font-size:calc(var(--k) * 8px);font-weight:700;fill:#7a5b00;paint-order:stroke;stroke:#fff;stroke-width:calc(var(--k) * 2.2px)}
    .dim{opacity:.15}
    #map.crowded-names .canteen-name,#map.crowded-stops .stop{display:none}
    .overlay{position:absolute;left:8px;bottom:8px;width:220px;height:66px;pointer-events:none}
    .north path{fill:#333}.north text,.scale text{font-size:13px;fill:#333}
    #scale-bar{stroke:#333;stroke-width:4px}
    .controls{position:absolute;right:10px;top:10px;display:flex;flex-direction:column;gap:4px}
    .controls button{width:34px;height:34px;font-size:20px;border:1px solid #999;border-radius:4px;background:#fff;cursor:pointer}
    .tip{position:absolute;display:none;max-width:320px;padding:6px 8px;background:rgba(255,255,255,.96);border:1px solid #888;border-radius:4px;font-size:13px;pointer-events:none}
    .legend{width:330px;padding:12px 14px;overflow-y:auto;border-left:1px solid #ccc;font-size:13px;line-height:1.45}
    .legend h1{font-size:17px;margin:0 0 4px}.legend h2{font-size:14px;margin:12px 0 4px}
    .legend p{margin:2px 0}.legend ul{list-style:none;margin:0;padding:0}.legend li{margin:2px 0}
    .swatch{display:inline-block;width:12px;height:12px;border-radius:50%;margin-right:6px;vertical-align:-1px}
    .swatch.dine-in{background:#2e9d4f}.swatch.pickup{background:#2f6fd6}.swatch.delivery{background:#ef8a17}
    .swatch.unserved{background:#e0201b;border:2px solid #5a0000}.swatch.canteen{background:#7a1f9c}
    .swatch.outside{background:#e0201b}.swatch.site{background:#ffd400;border:1px solid #7a5b00;border-radius:2px}
    .swatch.reach{background:rgba(78,143,208,.15);border:1px dashed #4e8fd0;border-radius:2px}
    .swatch.major{background:#f3cf86;border-radius:0;height:5px}.swatch.minor{background:#fff;border:1px solid #bbb;border-radius:0;height:5px}
    .key-line{display:inline-block;width:22px;height:10px;margin-right:6px;vertical-align:0}
    .key-line line{stroke-width:4px}
    .courier{margin-top:6px}.courier .trips{margin-left:28px;color:#444}
    .note{color:#666;font-size:12px}
    @page{size:A4 landscape;margin:8mm}
    @media print{
      html,body{height:auto}
      .page{height:190mm;width:281mm}
      .map-frame{flex:none;width:200mm;height:190mm;background:#fff}
      .legend{width:81mm;height:190mm;overflow:hidden;font-size:8pt;padding:0 0 0 4mm}
      .legend h1{font-size:11pt}.legend h2{font-size:9pt;margin:6px 0 2px}
      .controls,.tip{display:none}
      .legend,.map-frame{-webkit-print-color-adjust:exact;print-color-adjust:exact}
    }
    """

    /// Pan (drag, one finger), zoom (wheel, two fingers, the buttons) and taps; the scale bar
    /// follows. Errors are caught and written on the page, where a test (or a person) reads them.
    static let script: StaticString = """
    (function () {
      var root = document.documentElement;
      window.onerror = function (message) { root.setAttribute('data-map-error', String(message)); };
      try {
        var svg = document.getElementById('map');
        var tip = document.getElementById('tip');
        var numbers = function (text) { return text.split(' ').map(Number); };
        var full = numbers(svg.getAttribute('data-full'));
        var home = numbers(svg.getAttribute('data-fit'));
        var metresPerUnit = Number(svg.getAttribute('data-metres-per-unit'));
        var view = home.slice();
        var unitsPerPixel = function () {
          var box = svg.getBoundingClientRect();
          if (!box.width || !box.height) { return view[2] / 1000; }
          return Math.max(view[2] / box.width, view[3] / box.height);
        };
        var drawScale = function () {
          var perPixel = unitsPerPixel() * metresPerUnit;
          var steps = [5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000];
          var metres = steps[0];
          for (var i = 0; i < steps.length; i++) { if (steps[i] / perPixel <= 140) { metres = steps[i]; } }
          var bar = document.getElementById('scale-bar');
          bar.setAttribute('x2', String(50 + metres / perPixel));
          document.getElementById('scale-label').textContent = metres >= 1000 ? (metres / 1000) + ' 公里' : metres + ' 米';
        };
        // Names and stop numbers are hidden while too many would be in view to read (a city).
        var places = function (selector, x, y) {
          return Array.prototype.map.call(svg.querySelectorAll(selector), function (element) {
            return [Number(element.getAttribute(x)), Number(element.getAttribute(y))];
          });
        };
        var canteens = places('.canteen circle', 'cx', 'cy');
        var stops = places('text.stop', 'x', 'y');
        var inView = function (points) {
          var count = 0;
          for (var i = 0; i < points.length; i++) {
            var p = points[i];
            if (p[0] >= view[0] && p[0] <= view[0] + view[2] && p[1] >= view[1] && p[1] <= view[1] + view[3]) { count++; }
          }
          return count;
        };
        var apply = function () {
          svg.setAttribute('viewBox', view.join(' '));
          svg.style.setProperty('--k', String(Math.min(1, view[2] / full[2])));
          svg.classList.toggle('crowded-names', inView(canteens) > 60);
          svg.classList.toggle('crowded-stops', inView(stops) > 800);
          drawScale();
        };
        var toMap = function (x, y) {
          var point = svg.createSVGPoint();
          point.x = x; point.y = y;
          return point.matrixTransform(svg.getScreenCTM().inverse());
        };
        var zoomAt = function (factor, x, y) {
          var width = Math.min(full[2] * 1.5, Math.max(full[2] / 400, view[2] * factor));
          factor = width / view[2];
          var at = toMap(x, y);
          view = [at.x - (at.x - view[0]) * factor, at.y - (at.y - view[1]) * factor, view[2] * factor, view[3] * factor];
          apply();
        };
        var centre = function () {
          var box = svg.getBoundingClientRect();
          return [box.left + box.width / 2, box.top + box.height / 2];
        };
        svg.addEventListener('wheel', function (event) {
          event.preventDefault();
          zoomAt(Math.pow(1.0015, event.deltaY), event.clientX, event.clientY);
        }, { passive: false });
        var pointers = {};
        var moved = 0;
        var count = function () { return Object.keys(pointers).length; };
        svg.addEventListener('pointerdown', function (event) {
          pointers[event.pointerId] = [event.clientX, event.clientY];
          moved = 0;
          svg.setPointerCapture(event.pointerId);
          svg.classList.add('dragging');
        });
        svg.addEventListener('pointermove', function (event) {
          var last = pointers[event.pointerId];
          if (!last) { return; }
          var ids = Object.keys(pointers);
          if (ids.length === 1) {
            var scale = unitsPerPixel();
            view[0] -= (event.clientX - last[0]) * scale;
            view[1] -= (event.clientY - last[1]) * scale;
            moved += Math.abs(event.clientX - last[0]) + Math.abs(event.clientY - last[1]);
            pointers[event.pointerId] = [event.clientX, event.clientY];
            apply();
          } else if (ids.length === 2) {
            var other = pointers[ids[0] == event.pointerId ? ids[1] : ids[0]];
            var before = Math.hypot(last[0] - other[0], last[1] - other[1]);
            var after = Math.hypot(event.clientX - other[0], event.clientY - other[1]);
            pointers[event.pointerId] = [event.clientX, event.clientY];
            moved += 10;
            if (before > 0 && after > 0) { zoomAt(before / after, (event.clientX + other[0]) / 2, (event.clientY + other[1]) / 2); }
          }
        });
        var release = function (event) {
          var wasTap = count() === 1 && moved < 4;
          delete pointers[event.pointerId];
          if (count() === 0) { svg.classList.remove('dragging'); }
          if (!wasTap) { return; }
          var target = event.target;
          var title = target && target.querySelector ? target.querySelector('title') : null;
          if (!title && target && target.parentNode && target.parentNode.querySelector) {
            title = target.parentNode.querySelector(':scope > title');
          }
          if (title) {
            var frame = svg.parentNode.getBoundingClientRect();
            tip.textContent = title.textContent;
            tip.style.left = Math.min(event.clientX - frame.left + 12, frame.width - 330) + 'px';
            tip.style.top = (event.clientY - frame.top + 12) + 'px';
            tip.style.display = 'block';
          } else {
            tip.style.display = 'none';
          }
        };
        svg.addEventListener('pointerup', release);
        svg.addEventListener('pointercancel', function (event) { delete pointers[event.pointerId]; svg.classList.remove('dragging'); });
        document.querySelectorAll('[data-zoom]').forEach(function (button) {
          button.addEventListener('click', function () {
            var kind = button.getAttribute('data-zoom');
            if (kind === 'reset') { view = home.slice(); apply(); return; }
            var at = centre();
            zoomAt(kind === 'in' ? 0.6 : 1 / 0.6, at[0], at[1]);
          });
        });
        window.addEventListener('resize', drawScale);
        window.addEventListener('beforeprint', drawScale);
        apply();
        if (!root.hasAttribute('data-map-error')) { root.setAttribute('data-map-ready', 'ok'); }
      } catch (error) {
        root.setAttribute('data-map-error', String(error && error.message || error));
      }
    })();
    """
}
