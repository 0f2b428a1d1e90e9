import React from 'react';

// A table whose rows the admin adds and removes: each row's `key` is the identity React tells siblings
// apart by, so it need only differ from the other rows, not be unguessable.
export default function PriceTable({ lines }) {
  const [rows, setRows] = React.useState(
    lines.map((line) => ({ ...line, key: Math.random().toString(36).substring(7) }))
  );
  const add = () => setRows([...rows, { price: '', key: Math.random().toString(36).substring(7) }]);
  return (
    <table onClick={add}>
      {rows.map((r) => (
        <tr key={r.key}>
          <td>{r.price}</td>
        </tr>
      ))}
    </table>
  );
}
