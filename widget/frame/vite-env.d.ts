// Vite's types for what main.tsx imports besides code (the stylesheet).
/// <reference types="vite/client" />
