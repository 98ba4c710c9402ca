package coop.cooperative.core.membership.api;

/** A role a member holds in their cooperative. Every active member is implicitly a MEMBER. */
public enum Role {
    MEMBER, TREASURER, ADMIN
}
