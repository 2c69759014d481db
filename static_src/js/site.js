// Starts the design system's components (accordions, alerts, tooltips ...) once the page is parsed.
document.addEventListener("DOMContentLoaded", function () {
    if (window.DKFDS && typeof window.DKFDS.init === "function") {
        window.DKFDS.init();
    }
});
