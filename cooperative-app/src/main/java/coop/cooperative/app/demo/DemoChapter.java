package coop.cooperative.app.demo;

/**
 * A feature's part of the demo: runs once, right after the demo cooperative and its members are
 * seeded, signed in as the founder (admin and treasurer). Chapters run in {@code @Order}.
 */
public interface DemoChapter {

    void seed(DemoContext demo);
}
