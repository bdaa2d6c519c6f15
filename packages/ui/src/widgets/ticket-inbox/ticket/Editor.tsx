import { forwardRef, type KeyboardEvent, useEffect, useImperativeHandle, useRef } from 'react';
import { useT } from '../../../context/i18n.js';
import { Icon, type IconName } from '../../../primitives/Icon.js';
import * as icons from '../../../primitives/icons.js';
import { VisuallyHidden } from '../../../primitives/VisuallyHidden.js';
import { cleanHtml } from './sanitize.js';

/** What the composer can ask of its editor. */
export interface EditorHandle {
  /** The content, sanitised with the message allow-list. */
  html(): string;
  text(): string;
  /** Inserts (sanitised) HTML at the caret. */
  insert(html: string): void;
  focus(): void;
  clear(): void;
}

/** Props of {@link Editor}. */
export interface EditorProps {
  label: string;
  placeholder: string;
  initialHtml: string;
  onChange: (html: string) => void;
  /** Ctrl/⌘+Enter. */
  onSubmit: () => void;
  /** `::word` typed before the caret (a canned response's shortcut), or null. */
  onShortcut?: (word: string | null) => void;
}

type Command = { glyph: string | IconName; label: string; run: () => void };

/**
 * Rich text limited to what the server keeps: bold, italic, underline, links, lists, quotes and code. The browser's
 * own editing (contenteditable: input methods for Vietnamese and Thai, spell checking, undo) does the typing; what is
 * pasted and what is sent goes through the sanitiser, so nothing outside the allow-list ever leaves it. (A framework
 * such as Lexical or ProseMirror would add 20–40 kB for formatting the allow-list cannot keep.)
 */
export const Editor = forwardRef<EditorHandle, EditorProps>(function Editor(p, ref) {
  const t = useT();
  const el = useRef<HTMLDivElement>(null);
  // The editor's content is the DOM's: set once, then only read (React never re-renders it).
  // biome-ignore lint/correctness/useExhaustiveDependencies: the first content only
  useEffect(() => {
    if (el.current) el.current.innerHTML = cleanHtml(p.initialHtml);
  }, []);
  const exec = (command: string, value?: string) => {
    el.current?.focus();
    document.execCommand(command, false, value);
    p.onChange(el.current?.innerHTML ?? '');
  };
  useImperativeHandle(ref, () => ({
    html: () => cleanHtml(el.current?.innerHTML ?? ''),
    text: () => el.current?.textContent?.trim() ?? '',
    insert: (html) => exec('insertHTML', cleanHtml(html)),
    focus: () => el.current?.focus(),
    clear: () => {
      if (el.current) el.current.innerHTML = '';
      p.onChange('');
    },
  }));
  const commands: Command[] = [
    { glyph: 'B', label: t('inbox.compose.bold'), run: () => exec('bold') },
    { glyph: 'I', label: t('inbox.compose.italic'), run: () => exec('italic') },
    { glyph: 'U', label: t('inbox.compose.underline'), run: () => exec('underline') },
    {
      glyph: 'outbound',
      label: t('inbox.compose.link'),
      run: () => {
        const url = window.prompt(t('inbox.compose.linkUrl'), 'https://');
        if (url && /^(https?:\/\/|mailto:)/i.test(url.trim())) exec('createLink', url.trim());
      },
    },
    { glyph: '•', label: t('inbox.compose.bullets'), run: () => exec('insertUnorderedList') },
    { glyph: '1.', label: t('inbox.compose.numbers'), run: () => exec('insertOrderedList') },
    { glyph: '“', label: t('inbox.compose.quote'), run: () => exec('formatBlock', 'blockquote') },
    { glyph: '</>', label: t('inbox.compose.code'), run: () => exec('formatBlock', 'pre') },
  ];
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      p.onSubmit();
    }
  };
  const onInput = () => {
    p.onChange(el.current?.innerHTML ?? '');
    if (!p.onShortcut) return;
    const sel = window.getSelection();
    const node = sel?.anchorNode;
    const before = node?.nodeType === 3 ? (node.textContent ?? '').slice(0, sel!.anchorOffset) : '';
    const m = /::([a-z0-9_-]*)$/.exec(before);
    p.onShortcut(m ? m[1]! : null);
  };
  return (
    <div className="crm-inbox-editor">
      <div className="crm-inbox-editor-tools" role="toolbar" aria-label={p.label}>
        {commands.map((c) => (
          <button
            key={c.label}
            type="button"
            className="crm-inbox-tool"
            title={c.label}
            data-glyph={c.glyph}
            onMouseDown={(e) => e.preventDefault()}
            onClick={c.run}
          >
            {c.glyph === 'outbound' ? <Icon icon={icons.outbound} /> : <span aria-hidden="true">{c.glyph}</span>}
            <VisuallyHidden>{c.label}</VisuallyHidden>
          </button>
        ))}
      </div>
      {/* biome-ignore lint/a11y/useSemanticElements: rich text needs contenteditable; a textarea holds plain text only */}
      <div
        ref={el}
        className="crm-inbox-editor-area"
        contentEditable
        role="textbox"
        aria-multiline="true"
        aria-label={p.label}
        data-placeholder={p.placeholder}
        tabIndex={0}
        suppressContentEditableWarning
        onInput={onInput}
        onKeyDown={onKeyDown}
        onPaste={(e) => {
          e.preventDefault();
          const html = e.clipboardData.getData('text/html');
          const text = e.clipboardData.getData('text/plain');
          exec(
            'insertHTML',
            html ? cleanHtml(html) : text.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`).replace(/\n/g, '<br>'),
          );
        }}
      />
    </div>
  );
});
