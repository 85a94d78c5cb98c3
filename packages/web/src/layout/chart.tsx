import type { Child } from 'hono/jsx';

/**
 * A chart drawn on the server as SVG (no script): a figure whose image has a title and a
 * description saying in words what it shows (screen readers read them; the page's table beside it
 * has the figures), and an optional caption such as a legend. The bars are the caller's.
 */
export function ChartFigure(props: {
  /** Unique on the page: names the title and description the image is labelled by. */
  id: string;
  title: string;
  description: string;
  width: number;
  height: number;
  caption?: Child;
  children: Child;
}) {
  const { id } = props;
  return (
    <figure class="chart-figure">
      <svg
        class="chart"
        viewBox={`0 0 ${props.width} ${props.height}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        xmlns="http://www.w3.org/2000/svg"
      >
        <title id={`${id}-title`}>{props.title}</title>
        <desc id={`${id}-desc`}>{props.description}</desc>
        {props.children}
      </svg>
      {props.caption ? <figcaption>{props.caption}</figcaption> : null}
    </figure>
  );
}
