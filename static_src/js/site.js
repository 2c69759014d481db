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

// Autocomplete for the search boxes: titles from /api/search/autocomplete/ fill the box's
// datalist, which the browser offers as suggestions (the form works the same without it).
document.addEventListener("DOMContentLoaded", function () {
    var language = document.documentElement.lang || "da";
    document.querySelectorAll("input[data-autocomplete]").forEach(function (input) {
        var list = document.getElementById(input.getAttribute("list"));
        var timer = null;
        var last = "";
        if (!list || !window.fetch) {
            return;
        }
        input.addEventListener("input", function () {
            var value = input.value.trim();
            window.clearTimeout(timer);
            if (value.length < 2 || value === last) {
                return;
            }
            timer = window.setTimeout(function () {
                last = value;
                var url = "/api/search/autocomplete/?lang=" + encodeURIComponent(language) +
                    "&q=" + encodeURIComponent(value);
                fetch(url, {headers: {"Accept": "application/json"}})
                    .then(function (response) { return response.ok ? response.json() : {suggestions: []}; })
                    .then(function (data) {
                        list.replaceChildren.apply(list, data.suggestions.map(function (item) {
                            var option = document.createElement("option");
                            option.value = item.title;
                            return option;
                        }));
                    })
                    .catch(function () {});
            }, 200);
        });
    });
});
