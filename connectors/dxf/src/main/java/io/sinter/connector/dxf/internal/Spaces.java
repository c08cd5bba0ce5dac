package io.sinter.connector.dxf.internal;

import java.util.Locale;

/**
 * Which spaces of a drawing become elements: connector setting {@link DxfConnector#SPACES}, a comma-separated list
 * of {@code model} and {@code paper}, or {@code all}; default {@code model}.
 *
 * @param model   whether model-space entities become elements
 * @param paper   whether paper-space entities (of every layout) become elements
 * @param invalid the setting's text when it was not understood (the default then applies), else null
 */
record Spaces(boolean model, boolean paper, String invalid) {
    static final Spaces MODEL = new Spaces(true, false, null);

    /** @param setting the setting's text, or null */
    static Spaces parse(String setting) {
        if (setting == null || setting.isBlank()) {
            return MODEL;
        }
        boolean model = false;
        boolean paper = false;
        for (String part : setting.split(",")) {
            switch (part.trim().toLowerCase(Locale.ROOT)) {
                case "model" -> model = true;
                case "paper" -> paper = true;
                case "all" -> {
                    model = true;
                    paper = true;
                }
                case "" -> {
                }
                default -> {
                    return new Spaces(true, false, setting);
                }
            }
        }
        return model || paper ? new Spaces(model, paper, null) : new Spaces(true, false, setting);
    }
}
