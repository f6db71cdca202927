import type { OptionSpec, Options } from "./command.ts";
import type { Library } from "../library/library.ts";
import { monthFits, placeTest } from "../library/views/event-extras.ts";
import type { Meeting, Pledge } from "../extraction/event.ts";

/** Filters beyond who/with/dates that meetings and pledges share: a month of any year, a place. */
export const PLACE_AND_MONTH: readonly OptionSpec[] = [
  { name: "month", description: "Only this month, of any year (1–12)", type: "integer", min: 1, max: 12 },
  {
    name: "place",
    description: "Where: a city, province or country named for the event",
    type: "string",
    maxLength: 100,
  },
];

/** The events that pass the month and place options (all when neither is given). */
export function byPlaceAndMonth<T extends Meeting | Pledge>(library: Library, events: T[], options: Options): T[] {
  const month = typeof options.month === "number" ? options.month : undefined;
  const place = typeof options.place === "string" && options.place.trim() ? options.place.trim() : undefined;
  if (month === undefined && place === undefined) return events;
  const atPlace = place === undefined ? undefined : placeTest(place, library.events.people);
  return events.filter(
    (e) => (month === undefined || monthFits(e, month, library.get(e.source))) && (!atPlace || atPlace(e)),
  );
}
