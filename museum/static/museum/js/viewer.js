/* The museum's deep-zoom viewer: OpenSeadragon over an exhibit's pictures.
 *
 * museum/templates/museum/includes/viewer.html writes the pictures' renditions into
 * data-viewer; each picture becomes a `legacy-image-pyramid`, so the viewer fetches
 * a larger rendition only when zoomed in. Without JavaScript, or when OpenSeadragon
 * cannot open a picture, the plain first picture stays. The viewer is kept on the
 * stage element (`stage.viewer`) for the browser tests.
 */
(function () {
  "use strict";

  var reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;

  function pyramid(picture) {
    var source = new OpenSeadragon.LegacyTileSource(picture.levels);
    // Seam: OpenSeadragon draws the highest level that fits in one tile in full
    // before it counts the view as covered (TileSource.getClosestLevel, the
    // "cut-off" level). In a legacy pyramid every level is one tile, so it would
    // fetch the largest rendition at once; the smallest as cut-off leaves the larger
    // ones for when the visitor zooms in.
    source.getClosestLevel = function () {
      return 0;
    };
    return source;
  }

  function start(root) {
    var config = JSON.parse(root.getAttribute("data-viewer"));
    var stage = root.querySelector("[data-viewer-stage]");
    var fallback = root.querySelector("[data-viewer-fallback]");
    var status = root.querySelector("[data-viewer-status]");
    var pictures = config.pictures;
    if (!window.OpenSeadragon || !stage || !pictures.length) {
      return;
    }
    Object.keys(config.strings).forEach(function (name) {
      OpenSeadragon.setString(name, config.strings[name]);
    });
    // The stage takes the first picture's shape, between portrait and landscape.
    var first = pictures[0].levels[0];
    var ratio = Math.min(Math.max(first.width / first.height, 3 / 4), 4 / 3);
    stage.style.aspectRatio = String(ratio);
    stage.hidden = false;
    var viewer = OpenSeadragon({
      element: stage,
      prefixUrl: config.prefixUrl,
      tileSources: pictures.map(pyramid),
      sequenceMode: pictures.length > 1,
      drawer: "canvas",
      // On a phone one finger scrolls the page and two pan and pinch the picture;
      // in full page one finger pans.
      cooperativeGestures: true,
      autoHideControls: false,
      showRotationControl: false,
      maxZoomPixelRatio: 2,
      visibilityRatio: 0.8,
      animationTime: reducedMotion ? 0 : 1.2,
      gestureSettingsMouse: { clickToZoom: false, dblClickToZoom: true },
      gestureSettingsTouch: { pinchRotate: false, dblClickToZoom: true }
    });
    stage.viewer = viewer;

    function describe(index) {
      var picture = pictures[index];
      viewer.canvas.setAttribute("role", "img");
      viewer.canvas.setAttribute("aria-label", picture.alt);
      var text = picture.caption;
      if (pictures.length > 1) {
        text = (index + 1) + " / " + pictures.length + (text ? "　" + text : "");
      }
      status.textContent = text;
      status.hidden = !text;
    }

    viewer.addHandler("open", function () {
      fallback.hidden = true;
      describe(viewer.currentPage());
    });
    viewer.addHandler("page", function (event) {
      describe(event.page);
    });
    viewer.addHandler("open-failed", function () {
      stage.hidden = true;
      status.hidden = true;
      fallback.hidden = false;
    });
  }

  document.querySelectorAll("[data-viewer]").forEach(start);
})();
