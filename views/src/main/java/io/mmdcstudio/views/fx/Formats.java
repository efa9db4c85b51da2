package io.mmdcstudio.views.fx;

import java.util.Locale;

/** Numbers and durations written the same way everywhere in the window. */
public final class Formats {

    private Formats() {}

    /** A count with thousands separators, e.g. "70,000". */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A share as a percentage with no decimals, e.g. "84%". */
    public static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    /** A metric in [0, 1] with three decimals, e.g. "0.624". */
    public static String metric(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    /** A duration as m:ss or h:mm:ss; "--:--" when unknown. */
    public static String duration(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "--:--";
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
