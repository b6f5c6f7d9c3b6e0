/// Message flag bits the server sets itself.
public enum MessageFlags {
    public static let ephemeral = 1 << 6
}
