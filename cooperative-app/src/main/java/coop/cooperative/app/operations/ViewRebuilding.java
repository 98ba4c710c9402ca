package coop.cooperative.app.operations;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A query asked a view that is being rebuilt from the events; it answers again once the replay is done. */
@ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
public class ViewRebuilding extends RuntimeException {

    static final int RETRY_AFTER_SECONDS = 5;

    private final String projection;

    ViewRebuilding(String projection) {
        super("The view " + projection + " is being rebuilt from the events; please try again in a few seconds");
        this.projection = projection;
    }

    public String projection() {
        return projection;
    }
}
