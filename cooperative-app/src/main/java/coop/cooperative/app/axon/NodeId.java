package coop.cooperative.app.axon;

/** This node's name among the nodes that share the database: in the token store, the node table and rebuild claims. */
public record NodeId(String value) {
}
