package coop.cooperative.app.pages;

import org.springframework.beans.PropertyAccessException;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.validation.BindingErrorProcessor;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DefaultBindingErrorProcessor;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;

import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a page reads its form, where only a forged request can go wrong. Pages read a form into a
 * record through its constructor; a value Spring cannot convert (the date "bogus", an unknown choice)
 * would leave the whole form null and a row index far out of range would throw from inside the
 * binder: both ended as a 500. A form the page itself never sends is answered 400, naming its field,
 * before the page's method runs, so nothing is stored. The page's own forms number their rows 0, 1,
 * 2, ... with every row present, so rows must come that way, and at most {@value #MAX_ROWS} of them.
 */
@ControllerAdvice
class FormBinding {

    static final int MAX_ROWS = 200;
    private static final Pattern ROW = Pattern.compile("([^\\[\\]]+)\\[([^\\]]*)]");
    private static final BindingErrorProcessor REFUSING = new DefaultBindingErrorProcessor() {
        @Override
        public void processPropertyAccessException(PropertyAccessException e, BindingResult result) {
            throw new UnreadableField(e.getPropertyName());
        }
    };

    /** A field the page cannot read as the type it asks for. */
    static final class UnreadableField extends RuntimeException {
        private final String field;

        UnreadableField(String field) {
            super("unreadable form field " + field);
            this.field = field;
        }
    }

    @InitBinder
    void readPageFormsStrictly(WebDataBinder binder, WebRequest request) {
        if (!isPage(request)) {
            return; // the API answers its own binding errors as problem details
        }
        binder.setBindingErrorProcessor(REFUSING);
        rowsInOrder(request.getParameterMap());
    }

    @ExceptionHandler(UnreadableField.class)
    ModelAndView unreadable(UnreadableField e) {
        ModelAndView page = new ModelAndView("error", HttpStatus.BAD_REQUEST);
        page.addObject("status", HttpStatus.BAD_REQUEST.value());
        page.addObject("field", e.field);
        return page;
    }

    private static boolean isPage(WebRequest request) {
        return request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST)
                instanceof HandlerMethod handler
                && !AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class);
    }

    /** Every list in the form numbered 0 to n - 1, n at most {@value #MAX_ROWS}. */
    static void rowsInOrder(Map<String, String[]> parameters) {
        Map<String, TreeSet<Integer>> rows = new TreeMap<>();
        for (String name : parameters.keySet()) {
            Matcher row = ROW.matcher(name);
            int from = 0;
            while (row.find(from)) {
                String list = name.substring(0, row.start(2) - 1);
                rows.computeIfAbsent(list, l -> new TreeSet<>()).add(index(list, row.group(2)));
                from = row.end();
            }
        }
        rows.forEach((list, indexes) -> {
            Iterator<Integer> each = indexes.iterator();
            for (int expected = 0; each.hasNext(); expected++) {
                if (each.next() != expected) {
                    throw new UnreadableField(list + "[" + expected + "]");
                }
            }
        });
    }

    private static int index(String list, String index) {
        try {
            int row = Integer.parseInt(index);
            if (row >= 0 && row < MAX_ROWS) {
                return row;
            }
        } catch (NumberFormatException e) {
            // not a row number: refused below
        }
        throw new UnreadableField(list + "[" + index + "]");
    }
}
