// Advisory SVG previews of proposed rosettes.
export {};
