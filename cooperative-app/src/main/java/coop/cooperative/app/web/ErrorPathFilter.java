package coop.cooperative.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * {@code /error} is where the container forwards errors, not a page: asked for directly it answered
 * 500 with no error to show. Now 404, as problem details; forwarded errors pass untouched.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class ErrorPathFilter extends OncePerRequestFilter {

    private final ObjectMapper json;

    ErrorPathFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getDispatcherType() != DispatcherType.REQUEST || !"/error".equals(request.getServletPath());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Problems.write(response, json, Problems.of(HttpStatus.NOT_FOUND, "Not found",
                "/error is where errors are shown, not a page of its own"));
    }
}
