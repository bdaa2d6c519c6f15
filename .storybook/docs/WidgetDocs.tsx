/// <reference types="vite/client" />
/**
 * The docs page of a widget (autodocs with `parameters.docs.page`): what it is for, the install line and usage
 * snippet of its README section (type-checked in the test command), a live story, every prop with its description
 * and default (events apart), the `appearance` parts it renders, its keyboard, and a link to each of its stories.
 *
 * @example
 * const meta = {
 *   title: 'Widgets/ContactsTable',
 *   component: ContactsTable,
 *   tags: ['autodocs'],
 *   parameters: { docs: widgetDocs({ name: 'ContactsTable', parts: [...], keyboard: [['Enter', 'Opens the contact']] }) },
 * } satisfies Meta<typeof ContactsTable>;
 */
import type { ElementPart } from '@crmkit/ui';
import { Heading, Markdown, Primary, Source, Subheading, Title, useOf } from '@storybook/addon-docs/blocks';
import type { ComponentType } from 'react';
import readme from '../../packages/ui/README.md?raw';
import { statedDefault } from './arg-types.js';
import { CARD_PARTS } from './parts.js';
import { widgetSetups } from './readme.js';

/** What a widget's stories meta says for its docs page (the rest comes from its README section and its props). */
export interface WidgetDocsParameters {
  /** The widget's export name: its README section's heading. */
  name: string;
  /** The widget itself (the stories may render it through a wrapper that picks a record). */
  component: ComponentType<never>;
  /** The `appearance.elements` parts it renders (every story checks that none is missing). */
  parts: ElementPart[];
  /** Its keyboard: the keys, and what they do. */
  keyboard: [keys: string, what: string][];
}

/** `parameters.docs` of a widget's stories meta. */
export const widgetDocs = (widget: WidgetDocsParameters) => ({ page: WidgetDocs, widget });

/**
 * The docs of a record card (`ContactCard`, `CompanyCard`): the card's parts and its own, and the keyboard of a card
 * with inline editing.
 */
export const recordCardDocs = (name: string, component: ComponentType<never>, part: ElementPart) =>
  widgetDocs({
    name,
    component,
    parts: [part, ...CARD_PARTS],
    keyboard: [
      ['Tab, Shift+Tab', 'Through the channels (call, e-mail, SMS), the related records and Edit'],
      ['Enter, Space', 'On a related record: the host opens it (onOpen… callbacks); on Edit: opens the form'],
      ['Enter', 'In a field of the form: saves (checks first, and moves focus to the first invalid field)'],
      ['Escape', 'In a dialog (a conflict with someone else’s change): closes it; focus returns where it was'],
    ],
  });

const setups = widgetSetups(readme);

/** A prop as docgen (react-docgen-typescript) describes it. */
interface DocgenProp {
  name: string;
  description: string;
  required: boolean;
  type: { name: string; raw?: string };
  defaultValue: { value: unknown } | null;
}

/** The props of `component` (its TSDoc, its type), callbacks apart; empty without docgen (e.g. in tests). */
function docgenOf(component: ComponentType<never>) {
  const info = (component as { __docgenInfo?: { description?: string; props?: Record<string, DocgenProp> } })
    .__docgenInfo;
  const all = Object.values(info?.props ?? {}).sort((a, b) => a.name.localeCompare(b.name));
  const event = (p: DocgenProp) => /^on[A-Z]/.test(p.name);
  return { description: info?.description ?? '', props: all.filter((p) => !event(p)), events: all.filter(event) };
}

/** A prop's default: the one its description states, else the one its code has (when it is a value, not a name). */
function defaultOf(prop: DocgenProp): string {
  const stated = statedDefault(prop.description);
  if (stated) return stated;
  const coded = prop.defaultValue?.value;
  return coded === undefined || /^[A-Z_]+$/.test(String(coded)) ? '—' : String(coded);
}

/** A type as docgen writes it; an expanded object type is cut short (the whole of it in a tooltip). */
function TypeText({ text }: { text: string }) {
  const short = text.length > 80 ? `${text.slice(0, 77)}…` : text;
  return <code title={short === text ? undefined : text}>{short}</code>;
}

function PropsTable({ props, events }: { props: DocgenProp[]; events?: boolean }) {
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{events ? 'Callback' : 'Prop'}</th>
          <th scope="col">Type</th>
          <th scope="col">Description</th>
          {events ? null : <th scope="col">Default</th>}
        </tr>
      </thead>
      <tbody>
        {props.map((prop) => (
          <tr key={prop.name}>
            <th scope="row">
              <code>{prop.name}</code>
              {prop.required ? ' (required)' : ''}
            </th>
            <td>
              <TypeText text={prop.type.raw ?? prop.type.name} />
            </td>
            <td>{prop.description ? <Markdown>{prop.description}</Markdown> : null}</td>
            {events ? null : (
              <td>
                <code>{defaultOf(prop)}</code>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The address of a story in Storybook's UI, from a docs page in its preview frame. */
const storyHref = (id: string) => new URL(`./?path=/story/${id}`, window.location.href).href;

function StoryLinks() {
  const { csfFile } = useOf('meta', ['meta']);
  const stories = Object.values(csfFile.stories);
  return (
    <ul>
      {stories.map((story) => {
        const about = (story.parameters?.docs as { description?: { story?: string } } | undefined)?.description?.story;
        return (
          <li key={story.id}>
            <a href={storyHref(story.id)} target="_top">
              {story.name}
            </a>
            {about ? ` — ${about}` : ''}
          </li>
        );
      })}
    </ul>
  );
}

/** The docs page: see the module's documentation. */
export function WidgetDocs() {
  const { preparedMeta } = useOf('meta', ['meta']);
  const widget = (preparedMeta.parameters.docs as { widget?: WidgetDocsParameters } | undefined)?.widget;
  if (!widget) throw new Error(`${preparedMeta.title}: parameters.docs.widget is missing (see widgetDocs()).`);
  const setup = setups[widget.name];
  if (!setup) throw new Error(`packages/ui/README.md has no "### ${widget.name}" section under "## Widgets".`);
  const { description, props, events } = docgenOf(widget.component);
  return (
    <>
      <Title />
      <p>{setup.summary}</p>
      <Heading>Install</Heading>
      <Source code={setup.install} language="bash" dark />
      <Heading>Usage</Heading>
      <p>
        Inside the <code>CrmProvider</code> of the quick start (<code>@crmkit/ui</code>'s README):
      </p>
      <Source code={setup.snippet.trimEnd()} language="tsx" dark />
      <Primary />
      <Markdown>{description}</Markdown>
      <Heading>Props</Heading>
      <p>A default is what the widget does without the prop.</p>
      <PropsTable props={props} />
      <Heading>Events</Heading>
      <p>Callbacks: the widget calls them, the host decides what happens (navigation stays the host's).</p>
      <PropsTable props={events} events />
      <Heading>Appearance parts</Heading>
      <p>
        Style them with <code>appearance.elements</code> on the provider (a class name or inline styles), e.g.{' '}
        <code>{`elements: { ${widget.parts.find((p) => p !== 'root') ?? 'root'}: 'my-class' }`}</code>:
      </p>
      <ul>
        {widget.parts.map((part) => (
          <li key={part}>
            <code>{part}</code>
          </li>
        ))}
      </ul>
      <Heading>Keyboard</Heading>
      <table>
        <thead>
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">What they do</th>
          </tr>
        </thead>
        <tbody>
          {widget.keyboard.map(([keys, what]) => (
            <tr key={keys}>
              <td>
                <kbd>{keys}</kbd>
              </td>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Heading>States and stories</Heading>
      <Subheading>Each opens in Storybook, live on the demo data.</Subheading>
      <StoryLinks />
    </>
  );
}
