package coop.cooperative.app;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * An outsider's own tool, from Debian's packages, run on what the app gives outsiders: hledger and
 * ledger on the books, promtool on the metrics. A test that needs one is skipped only where the tool
 * is not installed and {@code -Dtools.required=true} is not set; CI sets it, so there it fails.
 */
final class ExternalTool {

    record Result(int exit, String output) {

        long lines(String containing) {
            return output.lines().filter(line -> line.contains(containing)).count();
        }
    }

    private final String command;

    private ExternalTool(String command) {
        this.command = command;
    }

    /** {@code debianPackage}: what .ci/run installs for it. */
    static ExternalTool require(String command, String debianPackage) {
        assumeTrue(Boolean.getBoolean("tools.required") || Files.isExecutable(Path.of("/usr/bin", command)),
                command + " is not installed; .ci/run installs Debian's " + debianPackage);
        return new ExternalTool(command);
    }

    /** Runs the tool with these arguments, its output and errors together. */
    Result run(String... args) throws IOException, InterruptedException {
        return runWithInput(null, args);
    }

    /** Runs the tool with this text on its standard input. */
    Result runWithInput(String input, String... args) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(command));
        line.addAll(List.of(args));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        try (OutputStream in = process.getOutputStream()) {
            if (input != null) {
                in.write(input.getBytes(StandardCharsets.UTF_8));
            }
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }
}
