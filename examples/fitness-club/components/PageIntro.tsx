/** The top of a club page: the club's name above the page's one `<h1>`, and a lead paragraph. */
export function PageIntro({ title, lead }: { title: string; lead: string }) {
  return (
    <div>
      <p className="text-xs font-semibold tracking-[0.2em] text-lotus-700 uppercase">Lotus Fitness Club</p>
      <h1 className="mt-1 text-3xl">{title}</h1>
      <p className="mt-2 max-w-2xl text-sm text-stone-600">{lead}</p>
    </div>
  );
}
