package dev.mocks3.state.metadata;

import java.util.function.Function;

/**
 * A listing page as a list operation answered it, and how that operation renders a page: kept on
 * the call ({@link #ATTRIBUTE}) so that a later stage (the stale_read fault) changes the entries
 * and renders the body again instead of editing XML.
 */
public record RenderedListing(Listing listing, Function<Listing, byte[]> renderer) {
    public static final String ATTRIBUTE = "mocks3.renderedListing";

    /** The body the operation would have answered with this page. */
    public byte[] render(Listing page) {
        return renderer.apply(page);
    }
}
