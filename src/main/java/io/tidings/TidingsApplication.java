package io.tidings;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class TidingsApplication {
    public static void main(String[] args) {
        SpringApplication.run(TidingsApplication.class, args);
    }
}
