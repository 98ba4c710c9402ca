package coop.cooperative.app.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A file to save rather than to show: the answer of every download, in the API and the pages alike. */
public final class Download {

    public static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
    public static final MediaType ZIP = MediaType.parseMediaType("application/zip");

    private Download() {
    }

    public static <T> ResponseEntity<T> of(String filename, MediaType type, T body) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"").body(body);
    }
}
