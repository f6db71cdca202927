import { namesKey, type FoundMeeting } from "./meetings.ts";

/**
 * The meetings of a briefing so far, in the order they were told, filed by their participants' names. A meeting is
 * the same as an earlier one only when their names are the same (sameMeeting), so a new one is compared with those
 * alone: comparing it with every meeting before it made a page of thousands of meetings cost time in the square of
 * its size.
 */
export class KnownMeetings {
  readonly list: FoundMeeting[] = [];
  private readonly byNames = new Map<string, FoundMeeting[]>();
  private readonly filedUnder = new Map<FoundMeeting, string>();
  private readonly position = new Map<FoundMeeting, number>();
  /** Meetings whose participant list is one array (a sentence's "the two" can take the last meeting's list). */
  private readonly sharing = new Map<FoundMeeting["meeting"]["participants"], FoundMeeting[]>();

  /** The first meeting told, of those with the same names as `m`, that `accept` takes. */
  find(m: FoundMeeting, accept: (known: FoundMeeting) => boolean): FoundMeeting | undefined {
    return this.byNames.get(namesKey(m.meeting))?.find(accept);
  }

  add(m: FoundMeeting): void {
    this.position.set(m, this.list.length);
    this.list.push(m);
    const participants = m.meeting.participants;
    const sharing = this.sharing.get(participants);
    if (sharing) sharing.push(m);
    else this.sharing.set(participants, [m]);
    this.file(m);
  }

  /** A known meeting's names changed (a merge added some): file it, and any sharing its list, under the new ones. */
  refile(m: FoundMeeting): void {
    for (const x of this.sharing.get(m.meeting.participants) ?? []) {
      const before = this.filedUnder.get(x)!;
      if (before === namesKey(x.meeting)) continue;
      const old = this.byNames.get(before)!;
      old.splice(old.indexOf(x), 1);
      if (!old.length) this.byNames.delete(before);
      this.file(x);
    }
  }

  /** Into the list for its names, keeping that list in the order the meetings were told. */
  private file(m: FoundMeeting): void {
    const key = namesKey(m.meeting);
    this.filedUnder.set(m, key);
    const same = this.byNames.get(key);
    if (!same) {
      this.byNames.set(key, [m]);
      return;
    }
    const at = this.position.get(m)!;
    let i = same.length;
    while (i > 0 && this.position.get(same[i - 1])! > at) i--;
    same.splice(i, 0, m);
  }
}
