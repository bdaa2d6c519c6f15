/** Tailwind CSS v4 through its PostCSS plugin (Next.js runs PostCSS on every imported stylesheet). */
export default {
  plugins: { '@tailwindcss/postcss': {} },
};
