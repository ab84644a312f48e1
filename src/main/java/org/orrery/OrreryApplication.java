package org.orrery;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class OrreryApplication {
    public static void main(String[] args) {
        SpringApplication.run(OrreryApplication.class, args);
    }
}
