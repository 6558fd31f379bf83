package dev.barriersim.report.html;

import java.nio.charset.StandardCharsets;

/** Escaping for HTML text and attributes, and percent-encoding for relative links. */
public final class Html {
  private Html() {}

  /** Escapes {@code s} for element content and quoted attribute values ({@code & < > " '}). */
  public static String esc(String s) {
    if (s == null) return "";
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * A relative path as an attribute value: each {@code /}-separated segment percent-encoded
   * (UTF-8), so a folder named after a scenario can never break out of the link or become a scheme
   * ({@code javascript:x} turns into {@code javascript%3Ax}).
   */
  public static String path(String relative) {
    StringBuilder sb = new StringBuilder();
    String[] segments = relative.split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      if (i > 0) sb.append('/');
      for (byte b : segments[i].getBytes(StandardCharsets.UTF_8)) {
        int c = b & 0xff;
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_'
            || c == '~') {
          sb.append((char) c);
        } else {
          sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
              .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
        }
      }
    }
    return sb.toString();
  }
}
