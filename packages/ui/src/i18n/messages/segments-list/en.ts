/** The English strings of SegmentsList (with SegmentBuilder's, `../segments/`): the source of their keys. */
export const en = {
  'segments.title': 'Segments',
  'segments.new': 'New segment',
  'segments.empty': 'No segments yet',
  'segments.members': { '=0': 'No members', one: '{count} member', other: '{count} members' },
  'segments.membersAbout': 'About {count} members',
  'segments.of': 'Of {entities}',
  'segments.actions': 'Actions for {name}',
  'segments.rename': 'Rename',
  'segments.renameTitle': 'Rename “{name}”',
  'segments.renamed': 'Segment renamed',
  'segments.delete': 'Delete',
  'segments.deleteTitle': 'Delete “{name}”?',
  'segments.deleteDescription': 'The segment goes; the records in it stay as they are.',
  'segments.deleted': 'Segment deleted',
} as const;
