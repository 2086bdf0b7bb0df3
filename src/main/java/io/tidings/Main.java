package io.tidings;

public final class Main {
    public static void main(String[] args) {
        TidingsApplication.main(args);
    }
}
