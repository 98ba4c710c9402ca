package coop.cooperative.core.shared;

import java.util.UUID;

/**
 * An identifier that is a UUID with a type. Stored and sent as the bare UUID string;
 * {@link #toString()} gives that string, which is also what Axon uses as aggregate id.
 */
public interface TypedId {

    UUID value();
}
