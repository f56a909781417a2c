document.querySelectorAll("table.sortable").forEach(function(t){
  t.querySelectorAll("th").forEach(function(th,i){
    th.classList.add("sortable");
    th.addEventListener("click",function(){
      var body=t.tBodies[0],rows=Array.prototype.slice.call(body.rows),
          asc=th.getAttribute("data-dir")!=="asc";
      rows.sort(function(a,b){
        var x=a.cells[i].getAttribute("data-v"),y=b.cells[i].getAttribute("data-v");
        var nx=parseFloat(x),ny=parseFloat(y);
        var c=(!isNaN(nx)&&!isNaN(ny))?nx-ny:String(x).localeCompare(String(y),"tr");
        return asc?c:-c;});
      rows.forEach(function(r){body.appendChild(r);});
      th.setAttribute("data-dir",asc?"asc":"desc");});});});
