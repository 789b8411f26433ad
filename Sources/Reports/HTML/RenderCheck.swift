/// The only script of a report page, inline and last: it reads nothing and changes nothing
/// but one attribute. `.ci/render-reports` opens every page in headless Chromium and fails
/// unless `<html data-render="ok">` comes back, which needs every chart to have laid out to a
/// non-empty box and no script error to have happened. The page is complete without it.
enum RenderCheck {
    static let script = """
        (function () {
          var root = document.documentElement;
          window.onerror = function (message) { root.setAttribute("data-render", "error: " + message); };
          try {
            var charts = document.getElementsByTagName("svg");
            for (var i = 0; i < charts.length; i++) {
              var box = charts[i].getBoundingClientRect();
              if (!(box.width > 0 && box.height > 0)) { throw new Error("svg " + (i + 1) + " of " + charts.length + " has an empty box"); }
            }
            if (!root.hasAttribute("data-render")) { root.setAttribute("data-render", "ok"); }
          } catch (e) {
            root.setAttribute("data-render", "error: " + e.message);
          }
        })();

        """
}
