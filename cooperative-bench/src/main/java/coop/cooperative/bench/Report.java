package coop.cooperative.bench;

import coop.cooperative.bench.Benchmark.Figure;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The figures as a Markdown table (one column per database), a CSV file and a PNG bar chart. */
final class Report {

    private Report() {
    }

    static String table(List<Figure> figures) {
        Set<String> databases = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>();
        figures.forEach(f -> {
            databases.add(f.database());
            names.add(f.name());
        });
        StringBuilder table = new StringBuilder("| figure |");
        databases.forEach(db -> table.append(' ').append(db).append(" |"));
        table.append("\n|---|");
        databases.forEach(db -> table.append("---:|"));
        table.append('\n');
        for (String name : names) {
            table.append("| ").append(name).append(" |");
            for (String db : databases) {
                table.append(' ').append(figures.stream()
                        .filter(f -> f.database().equals(db) && f.name().equals(name))
                        .map(f -> format(f.value(), f.unit()))
                        .findFirst().orElse("")).append(" |");
            }
            table.append('\n');
        }
        return table.toString();
    }

    static String format(double value, String unit) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return switch (unit) {
            case "x" -> String.format(Locale.ROOT, "%.2f", value);
            case "ms", "s" -> String.format(Locale.ROOT, "%.1f", value);
            default -> String.format(Locale.ROOT, "%,.0f", value);
        };
    }

    static void csv(List<Figure> figures, Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("database,figure,value,unit");
        figures.forEach(f -> lines.add(f.database() + ",\"" + f.name() + "\"," + String.format(Locale.ROOT, "%.3f", f.value())
                + "," + f.unit()));
        Files.write(file, lines);
    }

    /** Horizontal bars of every rate (per second), one colour per database, each bar labelled with its value. */
    static void chart(List<Figure> figures, Path file) throws IOException {
        List<Figure> rates = figures.stream().filter(f -> f.unit().endsWith("/s")).toList();
        List<String> databases = new ArrayList<>(new LinkedHashSet<>(rates.stream().map(Figure::database).toList()));
        List<String> names = new ArrayList<>(new LinkedHashSet<>(rates.stream().map(Figure::name).toList()));
        int barHeight = 16;
        int rowHeight = barHeight * Math.max(1, databases.size()) + 14;
        int width = 1100;
        int left = 330;
        int top = 50;
        int height = top + rowHeight * names.size() + 40;
        double max = rates.stream().mapToDouble(Figure::value).max().orElse(1);
        Color[] colours = {new Color(0x2b6cb0), new Color(0xdd6b20), new Color(0x38a169), new Color(0x805ad5)};

        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString("Cooperative benchmark: rates per second (longer is faster)", 20, 25);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int d = 0; d < databases.size(); d++) {
            g.setColor(colours[d % colours.length]);
            g.fillRect(width - 200 + d * 90, 14, 12, 12);
            g.setColor(Color.BLACK);
            g.drawString(databases.get(d), width - 184 + d * 90, 25);
        }
        int plotWidth = width - left - 120;
        for (int n = 0; n < names.size(); n++) {
            int y = top + n * rowHeight;
            g.setColor(Color.BLACK);
            g.drawString(names.get(n), 10, y + rowHeight / 2);
            for (int d = 0; d < databases.size(); d++) {
                String name = names.get(n);
                String db = databases.get(d);
                double value = rates.stream().filter(f -> f.name().equals(name) && f.database().equals(db))
                        .mapToDouble(Figure::value).findFirst().orElse(0);
                int length = (int) Math.round(plotWidth * value / max);
                g.setColor(colours[d % colours.length]);
                g.fillRect(left, y + d * barHeight, Math.max(1, length), barHeight - 2);
                g.setColor(Color.DARK_GRAY);
                g.drawString(format(value, "/s"), left + length + 6, y + d * barHeight + barHeight - 4);
            }
        }
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(1));
        g.drawLine(left, top - 5, left, top + rowHeight * names.size());
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }
}
