extension OutputFormat {
    public static let text = OutputFormat.json
    public static let markdown = OutputFormat.json
    public static let html = OutputFormat.json
    public static let xliff = OutputFormat.json
}
