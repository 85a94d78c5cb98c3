/** A form carries a random key made when it was rendered, so a double submit creates one thing. */
export const FORM_KEY = /^[A-Za-z0-9_-]{20,100}$/;
