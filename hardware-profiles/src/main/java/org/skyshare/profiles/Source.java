package org.skyshare.profiles;

/** Where a profile's figures come from: the public spec sheet, so anyone can check them. */
public record Source(String title, String url, String retrieved) {
}
