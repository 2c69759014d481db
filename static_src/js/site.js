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

// Skip logic of the online forms: a question's rules ("if 3 or 4, go to question 8") hide the
// questions in between while they do not apply. Hidden questions are disabled, so they are not
// sent; without JavaScript every question shows and the server leaves the skipped ones out.
document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form[data-skip-form]").forEach(function (form) {
        var questions = Array.prototype.slice.call(form.querySelectorAll("[data-key]"));
        function answers(question) {
            return Array.prototype.map.call(
                question.querySelectorAll("input:checked"), function (input) { return input.value; });
        }
        function update() {
            var skipped = {};
            questions.forEach(function (question, index) {
                var key = question.getAttribute("data-key");
                if (skipped[key] || !question.hasAttribute("data-skip")) {
                    return;
                }
                var given = answers(question);
                var rules = JSON.parse(question.getAttribute("data-skip"));
                for (var r = 0; r < rules.length; r++) {
                    var hit = rules[r].answers.some(function (code) { return given.indexOf(code) >= 0; });
                    if (hit) {
                        var keys = questions.map(function (q) { return q.getAttribute("data-key"); });
                        var target = keys.indexOf(rules[r].goto, index + 1);
                        for (var i = index + 1; i < target; i++) {
                            skipped[keys[i]] = true;
                        }
                        break;
                    }
                }
            });
            questions.forEach(function (question) {
                var hide = !!skipped[question.getAttribute("data-key")];
                question.hidden = hide;
                question.querySelectorAll("input, select, textarea").forEach(function (input) {
                    input.disabled = hide;
                });
            });
        }
        form.addEventListener("change", update);
        update();
        var summary = document.getElementById("error-summary");
        if (summary) {
            summary.focus();
        }
    });
});

// The search filters: open beside the results on a wide screen, one tap away on a phone; a
// ticked or cleared box applies at once (the button does the same without JavaScript).
document.addEventListener("DOMContentLoaded", function () {
    var filters = document.querySelector("[data-search-filters]");
    if (!filters) {
        return;
    }
    var wide = window.matchMedia("(min-width: 992px)");
    function place() {
        filters.open = wide.matches;
    }
    place();
    wide.addEventListener("change", place);
    var form = filters.closest("form");
    filters.addEventListener("change", function (event) {
        if (event.target.matches("input[type=checkbox]") && form) {
            form.submit();
        }
    });
});

// "På denne side" and a page's facts: open on a wide screen, collapsed on a phone.
document.addEventListener("DOMContentLoaded", function () {
    var lists = document.querySelectorAll("[data-on-this-page], [data-open-wide]");
    if (!lists.length) {
        return;
    }
    var wide = window.matchMedia("(min-width: 992px)");
    function place() {
        lists.forEach(function (list) { list.open = wide.matches; });
    }
    place();
    wide.addEventListener("change", place);
});

// A link to a note (or any place) inside a closed details opens it first, so the note shows.
function openTarget() {
    var target = window.location.hash && document.getElementById(window.location.hash.slice(1));
    for (var node = target; node; node = node.parentElement) {
        if (node.tagName === "DETAILS") {
            node.open = true;
        }
    }
}
window.addEventListener("hashchange", openTarget);
document.addEventListener("DOMContentLoaded", openTarget);
