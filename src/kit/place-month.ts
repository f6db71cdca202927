import type { OptionSpec, Options } from "./command.ts";

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

/** The month and place options as a query's filters (each left out when not given). */
export function placeAndMonth(options: Options): { month?: number; place?: string } {
  const month = typeof options.month === "number" ? options.month : undefined;
  const place = typeof options.place === "string" && options.place.trim() ? options.place.trim() : undefined;
  return { ...(month === undefined ? {} : { month }), ...(place === undefined ? {} : { place }) };
}
