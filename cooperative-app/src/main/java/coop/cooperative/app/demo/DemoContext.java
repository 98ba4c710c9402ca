package coop.cooperative.app.demo;

import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;

import java.time.LocalDate;
import java.util.Map;

/** What a demo chapter builds on: the demo cooperative, its members by full name, its founding date. */
public record DemoContext(CooperativeId cooperativeId, Map<String, MemberId> members, LocalDate foundedOn) {

    public MemberId member(String name) {
        MemberId id = members.get(name);
        if (id == null) {
            throw new IllegalArgumentException("no demo member named " + name);
        }
        return id;
    }
}
