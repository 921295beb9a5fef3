// swift-tools-version:6.2
//
// Glossa: German news text in, English-annotated bilingual output out.
// The target list reads like the architecture; data flows top to bottom:
//
//   CICU (system ICU) → CICUShim (C, no ICU types in its header) → GlossaICU (the only unsafe code)
//   GlossaStemmer (Snowball German, pure Swift)
//   CAllocator (C: glibc allocator thresholds for large buffers; see AllocatorTuning)
//   GlossaText (bytes → Document: paragraphs, sentences, tokens with exact offsets, keys, stems)
//   GlossaGlossary (glossary model, TSV format, index and matcher)
//   GlossaTranslit (Cyrillic ↔ German/English transliteration, consistency checks)
//   GlossaPipeline (matches → annotations)
//   GlossaRender (one writer per output format)
//   GlossaCLI (the `glossa` executable, thin)

import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "Glossa",
    platforms: [.macOS(.v26)],
    products: [
        .executable(name: "glossa", targets: ["GlossaCLI"]),
        .executable(name: "glossa-bench", targets: ["GlossaBench"]),
        .executable(name: "glossa-datagen", targets: ["GlossaDataGen"]),
        .library(name: "Glossa", targets: ["GlossaText", "GlossaGlossary", "GlossaTranslit", "GlossaPipeline", "GlossaRender"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CICU",
            pkgConfig: "icu-i18n",
            providers: [.apt(["libicu-dev"])]
        ),
        .target(name: "CICUShim", dependencies: ["CICU"]),
        .target(name: "GlossaICU", dependencies: ["CICUShim"], swiftSettings: strictSettings),
        .target(name: "GlossaStemmer", swiftSettings: strictSettings),
        .target(name: "CAllocator"),
        .target(name: "GlossaText", dependencies: ["GlossaICU", "GlossaStemmer", "CAllocator"], swiftSettings: strictSettings),
        .target(name: "GlossaTranslit", dependencies: ["GlossaICU"], resources: [.copy("Rules"), .copy("Data")], swiftSettings: strictSettings),
        .target(name: "GlossaGlossary", dependencies: ["GlossaText", "GlossaICU", "GlossaStemmer", "GlossaTranslit"], swiftSettings: strictSettings),
        .target(name: "GlossaPipeline", dependencies: ["GlossaText", "GlossaGlossary", "GlossaTranslit"], swiftSettings: strictSettings),
        .target(name: "GlossaRender", dependencies: ["GlossaPipeline"], swiftSettings: strictSettings),
        .executableTarget(
            name: "GlossaCLI",
            dependencies: [
                "GlossaText", "GlossaGlossary", "GlossaTranslit", "GlossaPipeline", "GlossaRender", "GlossaStemmer", "GlossaICU",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "GlossaBench",
            dependencies: ["GlossaText", "GlossaGlossary", "GlossaPipeline", "GlossaRender", "GlossaICU", "GlossaStemmer"],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "GlossaDataGen",
            dependencies: ["GlossaICU"],
            swiftSettings: strictSettings
        ),
        .target(name: "GlossaTestSupport", path: "Tests/GlossaTestSupport"),
        .testTarget(name: "GlossaICUTests", dependencies: ["GlossaICU"]),
        .testTarget(name: "GlossaStemmerTests", dependencies: ["GlossaStemmer", "GlossaTestSupport"]),
        .testTarget(
            name: "GlossaTextTests",
            dependencies: ["GlossaText", "GlossaTestSupport", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(name: "GlossaTranslitTests", dependencies: ["GlossaTranslit", "GlossaICU", "GlossaTestSupport"], exclude: ["Data"]),
        .testTarget(name: "GlossaGlossaryTests", dependencies: ["GlossaGlossary", "GlossaText", "GlossaTestSupport"]),
        .testTarget(name: "GlossaPipelineTests", dependencies: ["GlossaPipeline", "GlossaGlossary", "GlossaText", "GlossaTestSupport"]),
        .testTarget(name: "GlossaRenderTests", dependencies: ["GlossaRender", "GlossaPipeline", "GlossaGlossary", "GlossaText", "GlossaTestSupport"]),
        .testTarget(name: "GlossaCLITests", dependencies: ["GlossaCLI", "GlossaTestSupport"]),
        .testTarget(name: "GlossaDataGenTests", dependencies: ["GlossaDataGen", "GlossaICU"]),
    ],
    swiftLanguageModes: [.v6]
)
