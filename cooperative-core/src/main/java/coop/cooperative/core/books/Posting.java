package coop.cooperative.core.books;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What one event posts to the books: its lines, all on {@code date}, under one description.
 * {@code category}: the cost's category, null for a settlement. The lines sum to zero.
 */
public record Posting(LocalDate date, String description, String category, List<PostingLine> lines) {

    public Posting {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(description, "description");
        lines = List.copyOf(lines);
    }
}
