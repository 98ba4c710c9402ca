// htmx requests carry the page's CSRF token, as Spring Security expects for every unsafe request.
document.addEventListener('htmx:configRequest', function (event) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
        event.detail.headers[header.content] = token.content;
    }
});

// A table wider than the screen scrolls inside its .table-scroll box; a keyboard can scroll it only
// if the box takes focus (WCAG 2.1.1), and a screen reader then names it after the table's caption.
// Only boxes that overflow take focus: on a wide screen they add no useless stop to the tab order.
(function () {
    function nameOf(box) {
        var caption = box.querySelector('caption');
        var heading = box.closest('section') && box.closest('section').querySelector('h2, h3');
        var source = caption || heading;
        return source ? source.textContent.trim() : null;
    }

    function update(box) {
        if (box.scrollWidth > box.clientWidth) {
            box.setAttribute('tabindex', '0');
            box.setAttribute('role', 'region');
            var name = nameOf(box);
            if (name) {
                box.setAttribute('aria-label', name);
            }
        } else {
            box.removeAttribute('tabindex');
            box.removeAttribute('role');
            box.removeAttribute('aria-label');
        }
    }

    var observer = window.ResizeObserver && new ResizeObserver(function (entries) {
        entries.forEach(function (entry) { update(entry.target); });
    });

    function watch(root) {
        var boxes = Array.prototype.slice.call(root.querySelectorAll('.table-scroll'));
        if (root.matches && root.matches('.table-scroll')) {
            boxes.push(root);
        }
        boxes.forEach(function (box) {
            update(box);
            if (observer) {
                observer.observe(box);
            }
        });
    }

    document.addEventListener('DOMContentLoaded', function () { watch(document); });
    document.addEventListener('htmx:afterSettle', function (event) { watch(event.detail.elt); });
})();
