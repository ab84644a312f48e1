package org.orrery;

import java.io.PrintWriter;

import org.orrery.cli.OrreryCommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Orrery: the server, or the command line when the first argument names a command (scheduling: ServerScheduling). */
@SpringBootApplication
public class OrreryApplication {
    public static void main(String[] args) {
        // A first argument naming a command (client, researcher, operator, seed, --help) runs the command line
        // without the web server; anything else starts the server as always.
        if (OrreryCommandLine.isCommand(args)) {
            System.exit(OrreryCommandLine.run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
        }
        SpringApplication.run(OrreryApplication.class, args);
    }
}
