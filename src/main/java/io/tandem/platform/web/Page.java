package io.tandem.platform.web;

import io.tandem.platform.problem.Problem;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

import java.util.List;

/** One page of a list: every list endpoint takes {@code ?page=&size=} and answers this shape. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static final int MAX_SIZE = 500;

    public static <T> Page<T> of(List<T> items, Request request, long total) {
        return new Page<>(items, request.page(), request.size(), total);
    }

    /** The query parameters of a paged request, 1-based. */
    public static class Request {
        @QueryParam("page")
        @DefaultValue("1")
        String page;

        @QueryParam("size")
        @DefaultValue("50")
        String size;

        public int page() {
            return parse("page", page, 1, Integer.MAX_VALUE / MAX_SIZE);
        }

        public int size() {
            return parse("size", size, 1, MAX_SIZE);
        }

        public int offset() {
            return (page() - 1) * size();
        }

        public int limit() {
            return size();
        }

        private static int parse(String name, String value, int min, int max) {
            try {
                int parsed = Integer.parseInt(value.trim());
                if (parsed >= min && parsed <= max) {
                    return parsed;
                }
            } catch (NumberFormatException notANumber) {
                // answered below
            }
            throw Problem.badRequest(name + " must be a whole number from " + min + " to " + max + ".")
                    .field(name).toException();
        }
    }
}
