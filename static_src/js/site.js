// Starts the design system's components (accordions, alerts, tooltips ...) once the page is parsed,
// and shows the print buttons (they need JavaScript; without it the browser's own print works).
document.addEventListener("DOMContentLoaded", function () {
    if (window.DKFDS && typeof window.DKFDS.init === "function") {
        window.DKFDS.init();
    }
    document.querySelectorAll("[data-print]").forEach(function (button) {
        button.hidden = false;
        button.addEventListener("click", function () {
            window.print();
        });
    });
});
