package org.orrery;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class OrreryApplication {
    public static void main(String[] args) {
        SpringApplication.run(OrreryApplication.class, args);
    }
}
